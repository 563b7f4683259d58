using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using System.Text.Json;

namespace IdpSmsReset.Server.Features.Account.Passkeys;

/// <summary>
/// WebAuthn through Identity's passkey handler: options for the browser, then the browser's answer checked against
/// the challenge kept in <see cref="PasskeyCeremonyState"/>. Registration adds the passkey to the user; an assertion
/// updates it (its sign count) and notes when it was used.
/// </summary>
public sealed class PasskeyCeremonies(IPasskeyHandler<ApplicationUser> handler, UserManager<ApplicationUser> users,
    PasskeyCeremonyState state, PasskeyUseLog uses, IHttpContextAccessor accessor)
{
    private const string Attestation = "attestation";
    private const string Assertion = "assertion";

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No request.");

    public async Task<string> CreationOptionsAsync(ApplicationUser user)
    {
        var options = await handler.MakeCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id, Name = user.UserName!, DisplayName = user.DisplayName ?? user.UserName!,
        }, Context);
        state.Store(Context, Attestation, user.Id, options.AttestationState);
        return options.CreationOptionsJson;
    }

    /// <summary>Adds the passkey the browser made for <paramref name="user"/>; null when added, else why not.</summary>
    public async Task<string?> AddAsync(ApplicationUser user, string credentialJson, string name)
    {
        var attestationState = state.Take(Context, Attestation, user.Id);
        if (attestationState is null)
        {
            return PasskeyTexts.CeremonyExpired;
        }

        var result = await AttestAsync(credentialJson, attestationState);
        if (result is not { Succeeded: true } || result.UserEntity.Id != user.Id)
        {
            return PasskeyTexts.NotAdded;
        }

        result.Passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded ? null : PasskeyTexts.NotAdded;
    }

    /// <summary>Options to ask for a passkey: of <paramref name="user"/> (a second factor), or of anyone (passwordless).</summary>
    public async Task<string> RequestOptionsAsync(ApplicationUser? user)
    {
        var options = await handler.MakeRequestOptionsAsync(user, Context);
        state.Store(Context, Assertion, user?.Id, options.AssertionState);
        return options.RequestOptionsJson;
    }

    /// <summary>
    /// The passkey's proof, when the browser's answer is right for the challenge (and for <paramref name="user"/>, when
    /// given).
    /// </summary>
    public async Task<PasskeyProof?> VerifyAsync(string credentialJson, ApplicationUser? user, CancellationToken cancellationToken)
    {
        var assertionState = state.Take(Context, Assertion, user?.Id);
        if (assertionState is null || string.IsNullOrWhiteSpace(credentialJson))
        {
            return null;
        }

        PasskeyAssertionResult<ApplicationUser> result;
        try
        {
            result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
            {
                HttpContext = Context, CredentialJson = credentialJson, AssertionState = assertionState,
            });
        }
        catch (JsonException)
        {
            return null;
        }

        if (!result.Succeeded || (user is not null && result.User.Id != user.Id))
        {
            return null;
        }

        // The sign count and flags the authenticator gave this time: a cloned key shows as a count going back.
        await users.AddOrUpdatePasskeyAsync(result.User, result.Passkey);
        await uses.RecordAsync(result.User.Id, result.Passkey.CredentialId, cancellationToken);
        return new PasskeyProof(result.User, AuthenticationMethods.OfPasskey(result.Passkey.IsBackupEligible),
            result.Passkey.IsUserVerified);
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string credentialJson, string attestationState)
    {
        try
        {
            return await handler.PerformAttestationAsync(new PasskeyAttestationContext
            {
                HttpContext = Context, CredentialJson = credentialJson, AttestationState = attestationState,
            });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A passkey that answered its challenge: whose it is, its amr (<c>hwk</c> or <c>swk</c>), and whether it verified its
/// user.
/// </summary>
public sealed record PasskeyProof(ApplicationUser User, string KeyAmr, bool UserVerified);
