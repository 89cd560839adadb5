namespace Nastavnik.Web.Data;

/// <summary>What a sign-in code is for: a one-time code from a slip or an invitation (14 days), or a reset link by e-mail (1 hour).</summary>
public enum SignInCodeKind { OneTimeCode, ResetLink }

/// <summary>
/// A single-use secret that lets an account's owner set a password: only its SHA-256 hash is stored. Used once
/// (<see cref="UsedAt"/>), expires (<see cref="ExpiresAt"/>); issuing a new one for an account revokes the older ones.
/// </summary>
public class SignInCode : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string UserId { get; set; }
    public SignInCodeKind Kind { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public required string IssuedBy { get; set; }
}
