using IdpSmsReset.Core.Persistence;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Devices;

/// <summary>
/// Reads what a typed user code stands for without presenting it to OpenIddict's validation: OpenIddict takes a code it
/// already redeemed for a replayed token and revokes everything issued under its authorization, and a user code is on the
/// device's screen for anyone to read. Only a <see cref="UserCodeState.Pending"/> code may go on to OpenIddict.
/// </summary>
public sealed class DeviceUserCodes(IOpenIddictTokenManager tokens, WrongUserCodeBudget wrongCodes, LimitGates gates, TimeProvider time)
{
    /// <summary>
    /// The code's state. Wrong codes are counted and audited; the budget's check, the lookup and the count hold the
    /// address's gate, so a burst from one network on any number of instances stops exactly at the budget.
    /// </summary>
    public Task<UserCodeState> LookUpAsync(string typed, string? ipAddress, CancellationToken cancellationToken)
    {
        var network = DeviceFlowOptions.NetworkOf(ipAddress);
        if (network is null)
        {
            return StateOfAsync(typed, cancellationToken);
        }

        return gates.DecideAsync($"device-user-code:{network}", async () =>
        {
            if (await wrongCodes.IsAddressOverAsync(network, cancellationToken))
            {
                return UserCodeState.AddressOverBudget;
            }

            var state = await StateOfAsync(typed, cancellationToken);
            if (state == UserCodeState.Wrong)
            {
                await wrongCodes.RecordWrongAsync(typed, network, ipAddress, cancellationToken);
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
