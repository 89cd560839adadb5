namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>
/// Every column that points at a person or an account («table.column»), and where a person's export puts its rows or why it leaves
/// them out. A test walks the model's foreign keys to people and accounts (and the columns named like one) and fails for a column
/// missing here, so a new personal table cannot be forgotten by the export and the erasure.
/// </summary>
public static class PersonalDataMap
{
    public static readonly IReadOnlyDictionary<string, string> Exported = new Dictionary<string, string>
    {
        ["AspNetUsers.PersonId"] = "accounts.json",
        ["AspNetUserRoles.UserId"] = "accounts.json",
        ["AspNetUserClaims.UserId"] = "accounts.json",
        ["AspNetUserLogins.UserId"] = "accounts.json",
        ["SignInCodes.UserId"] = "sign-in-codes.json",
        ["Notifications.UserId"] = "notifications.json",
        ["NotificationSettings.UserId"] = "notification-settings.json",
        ["OutboxLetters.UserId"] = "letters.json",
        ["RoundResponses.PersonId"] = "self-assessment.json",
        ["Offers.PersonId"] = "offers.json",
        ["Needs.PersonId"] = "needs.json",
        ["MentorChoices.MenteeId"] = "choices.json",
        ["MentorAvailabilities.PersonId"] = "mentor-availability.json",
        ["DeclinedOffers.PersonId"] = "declined-offers.json",
        ["MatchDecisions.MenteeId"] = "match-decisions.json",
        ["PortfolioItems.PersonId"] = "portfolio-items.json",
        ["PortfolioContacts.PersonId"] = "portfolio-contacts.json",
        ["PracticeMaterials.AuthorId"] = "practice-materials.json",
        ["MentoringPairs.MentorId"] = "pairs.json",
        ["MentoringPairs.MenteeId"] = "pairs.json",
        ["DevelopmentPlans.MenteeId"] = "plans.json",
        ["Meetings.MentorId"] = "meetings.json",
        ["MeetingParticipants.PersonId"] = "meetings.json",
        ["MeetingNotes.AuthorId"] = "meeting-notes.json",
        ["MeetingFeedback.AuthorId"] = "meeting-feedback.json",
        ["Consultations.RequesterId"] = "consultations.json",
        ["Consultations.ConsultantId"] = "consultations.json",
        ["CalendarFeeds.PersonId"] = "calendar-feeds.json",
        ["EventParticipants.PersonId"] = "events.json",
        ["ProgramCurators.PersonId"] = "program-curators.json",
        ["RoadmapEvents.ResponsiblePersonId"] = "roadmap-events.json",
        ["JointActivities.OrganizerId"] = "activities.json",
        ["ActivityParticipants.PersonId"] = "activities.json",
        ["ActivityFiles.UploadedById"] = "activity-files.json",
        ["LessonObservations.ObserverId"] = "lesson-observations.json",
        ["LessonObservations.ObservedId"] = "lesson-observations.json",
        ["SurveyRecipients.PersonId"] = "survey-recipients.json",
        ["SurveyResponses.PersonId"] = "survey-answers.json",
        ["OrderAcknowledgements.PersonId"] = "order-acknowledgements.json",
    };

    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        ["AspNetUserTokens.UserId"] = "секреты входа (ключи и коды восстановления); не выдаются никому",
        ["MentorChoices.MentorId"] = "выбор наставника другим педагогом раскрывает его дефицит — это данные другого человека",
        ["MatchDecisions.MentorId"] = "решение куратора о паре, где человек предложен наставником, раскрывает дефицит наставляемого",
    };
}
