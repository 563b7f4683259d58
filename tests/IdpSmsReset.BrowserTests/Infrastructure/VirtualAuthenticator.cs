using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>
/// A passkey authenticator inside chromium, through the DevTools protocol's WebAuthn domain: while present it answers
/// every ceremony at once, as a person touching a key with a fingerprint would. Nothing is downloaded.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession _session;
    private readonly string _id;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        _session = session;
        _id = id;
    }

    public static async Task<VirtualAuthenticator> AddAsync(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable");
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>
    /// Whether the person is at the key. Away, the browser's autofill offer (conditional mediation) waits instead of
    /// answering by itself, so a journey can type a password first.
    /// </summary>
    public Task SetPresentAsync(bool present) => _session.SendAsync("WebAuthn.setAutomaticPresenceSimulation",
        new Dictionary<string, object> { ["authenticatorId"] = _id, ["enabled"] = present });
}
