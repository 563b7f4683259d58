using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Devices;

/// <summary>
/// Reads what a typed user code stands for without presenting it to OpenIddict's validation: OpenIddict takes a code it
/// already redeemed for a replayed token and revokes everything issued under its authorization, and a user code is on the
/// device's screen for anyone to read. Only a <see cref="UserCodeState.Pending"/> code may go on to OpenIddict.
/// </summary>
public sealed class DeviceUserCodes(IOpenIddictTokenManager tokens, Budgets budgets, AuditLog audit, IOptions<DeviceFlowOptions> options,
    IOptions<ClientNetworkOptions> networks, TimeProvider time)
{
    /// <summary>
    /// The code's state. Wrong codes are charged to the address's budget and audited (only their length: a mistyped code
    /// may be close to a real one); the check, the lookup and the charge hold the address's gate, so a burst from one
    /// network on any number of instances stops exactly at the budget.
    /// </summary>
    public Task<UserCodeState> LookUpAsync(string typed, string? ipAddress, CancellationToken cancellationToken)
    {
        if (networks.Value.Of(ipAddress) is not { } network)
        {
            return StateOfAsync(typed, cancellationToken);
        }

        var charge = new Charge(options.Value.WrongUserCodesPerAddress, network);
        return budgets.UnderGateAsync(charge, async () =>
        {
            if (await budgets.IsSpentAsync(charge.Budget, network, cancellationToken))
            {
                return UserCodeState.AddressOverBudget;
            }

            var state = await StateOfAsync(typed, cancellationToken);
            if (state == UserCodeState.Wrong)
            {
                await budgets.ChargeAsync([charge], userId: null, cancellationToken);
                await audit.RaiseAsync(AuditEventTypes.DeviceUserCodeWrong, AuditActors.Anonymous, subjectUserId: null, ipAddress,
                    $"A user code of {typed.Length} characters named no pending device request.", cancellationToken);
            }

            return state;
        }, commits: _ => true, cancellationToken);
    }

    private async Task<UserCodeState> StateOfAsync(string typed, CancellationToken cancellationToken)
    {
        var code = UserCodes.Normalize(typed);
        if (code.Length != UserCodes.Length
            || await tokens.FindByReferenceIdAsync(code, cancellationToken) is not { } token
            || !await tokens.HasTypeAsync(token, TokenTypeIdentifiers.Private.UserCode, cancellationToken))
        {
            return UserCodeState.Wrong;
        }

        if (await tokens.HasStatusAsync(token, Statuses.Redeemed, cancellationToken))
        {
            return UserCodeState.Approved;
        }

        if (await tokens.HasStatusAsync(token, Statuses.Rejected, cancellationToken))
        {
            return UserCodeState.Denied;
        }

        return await tokens.HasStatusAsync(token, Statuses.Valid, cancellationToken)
            && await tokens.GetExpirationDateAsync(token, cancellationToken) is { } expires && expires > time.GetUtcNow()
            ? UserCodeState.Pending
            : UserCodeState.Expired;
    }
}

/// <summary>What a typed user code stands for, read before OpenIddict is shown the code.</summary>
public enum UserCodeState
{
    /// <summary>A device waits for this code's decision: the only state OpenIddict may be shown the code in.</summary>
    Pending,

    /// <summary>Someone allowed the device already; the device has, or will get, its tokens.</summary>
    Approved,

    /// <summary>Someone denied the device already.</summary>
    Denied,

    /// <summary>The code was real but is past its lifetime or was revoked.</summary>
    Expired,

    /// <summary>No device ever had this code: a mistyped or guessed code, counted against the address.</summary>
    Wrong,

    /// <summary>The address typed too many wrong codes this hour: the code was not looked up.</summary>
    AddressOverBudget,
}
