namespace Nastavnik.Matching;

/// <summary>Thrown when the problem references unknown ids, has duplicates or out-of-range levels and priorities.</summary>
public sealed class MatchingInputException(string message) : Exception(message);
