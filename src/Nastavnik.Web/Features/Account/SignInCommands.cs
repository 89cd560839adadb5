using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Account;

public enum SignInOutcome { SignedIn, Refused, Throttled, Blocked }

/// <summary>
/// Sign-in, written once: it answers a missing login as slowly as a wrong password (a dummy hash is checked), never locks an
/// account an outsider names, but slows down wrong passwords from one address (<see cref="SignInThrottle"/>), and writes every
/// attempt to the operator's log and the audit trail.
/// </summary>
public sealed class SignInCommands(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, AppDbContext db, ILogger<SignInCommands> log)
{
    public async Task<SignInOutcome> SignInAsync(string userName, string password, bool remember, IPAddress? address, CancellationToken ct)
    {
        userName = userName.Trim();
        var from = address?.ToString() ?? "unknown";
        if (!throttle.MayTry(from, userName))
        {
            log.SignInFailed(null, "throttled");
            await AuditEvents.RecordAsync(db, null, userName, "SignIn", "throttled", new { address = from }, ct);
            return SignInOutcome.Throttled;
        }
        var user = await users.FindByNameAsync(userName);
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (user is null) throttle.CheckDummy(users.PasswordHasher, password);
        if (result.Succeeded)
        {
            await signIn.SignInAsync(user!, remember);
            log.SignedIn(user!.Id);
            await AuditEvents.RecordAsync(db, user!.SchoolId, userName, "SignIn", "succeeded", new { address = from }, ct);
            return SignInOutcome.SignedIn;
        }
        throttle.Failed(from, userName);
        log.SignInFailed(user?.Id, result.IsLockedOut ? "blocked" : "wrong login or password");
        await AuditEvents.RecordAsync(db, user?.SchoolId, userName, "SignIn", "failed", new { address = from, known = user is not null }, ct);
        return result.IsLockedOut ? SignInOutcome.Blocked : SignInOutcome.Refused;
    }

    /// <summary>Sign-out ends every session of the account: the new security stamp invalidates copies of the cookie within a minute.</summary>
    public async Task SignOutAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }
}

/// <summary>
/// Wrong passwords are counted, in sliding windows, per client address (guessing many logins: 20 in 10 minutes) and per login
/// and address (guessing one account: 5 in 15 minutes). Past either limit that address's attempts are not checked until the
/// window slides on; the owner at another address is never stopped, so no outsider can keep an account locked.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        { PermitLimit = 20, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10, QueueLimit = 0 }));

    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        { PermitLimit = 5, Window = TimeSpan.FromMinutes(15), SegmentsPerWindow = 15, QueueLimit = 0 }));

    private static readonly AppUser Dummy = new() { DisplayName = "" };
    private string? _dummyHash;

    private static string AccountKey(string address, string userName) => address + "\n" + userName.ToUpperInvariant();

    /// <summary>Whether this address may try this login now (checking for a free permit takes none).</summary>
    public bool MayTry(string address, string userName)
    {
        using var a = _perAddress.AttemptAcquire(address, 0);
        using var b = _perAccount.AttemptAcquire(AccountKey(address, userName), 0);
        return a.IsAcquired && b.IsAcquired;
    }

    public void Failed(string address, string userName)
    {
        _perAddress.AttemptAcquire(address).Dispose();
        _perAccount.AttemptAcquire(AccountKey(address, userName)).Dispose();
    }

    /// <summary>For a login that does not exist: the same work as checking a real password, so the answer takes as long.</summary>
    public void CheckDummy(IPasswordHasher<AppUser> hasher, string password) =>
        hasher.VerifyHashedPassword(Dummy, _dummyHash ??= hasher.HashPassword(Dummy, Guid.NewGuid().ToString()), password);

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
    }
}
