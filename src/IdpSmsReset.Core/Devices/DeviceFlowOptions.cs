using IdpSmsReset.Core.Limits;

namespace IdpSmsReset.Core.Devices;

/// <summary>
/// The <c>Idp:DeviceFlow</c> section: the device authorization grant (RFC 8628) for TVs, command lines and other
/// devices without a browser. Each default is documented here and nowhere else.
/// </summary>
public sealed class DeviceFlowOptions
{
    public const string SectionName = "Idp:DeviceFlow";

    /// <summary>How long the device code and its user code are valid. Default 10 minutes. Allowed 10 seconds – 1 hour.</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The least time between two polls of one device code (the <c>interval</c> the device is told); a poll sooner is
    /// answered <c>slow_down</c>. Default 5 seconds (RFC 8628's). Allowed 1–60 seconds.
    /// </summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Wrong user codes typed from one address (see <see cref="ClientNetworkOptions"/>) in an hour; past it, codes from that address
    /// are not even looked up until the hour has passed. A user code has 8 characters of 20, so this bounds guessing
    /// far below any chance of a hit. Default 20. Allowed 1–10,000.
    /// </summary>
    public int WrongUserCodesPerAddressPerHour { get; set; } = 20;

    public Budget WrongUserCodesPerAddress => new("device-user-code/address", WrongUserCodesPerAddressPerHour, TimeSpan.FromHours(1));

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (CodeLifetime < TimeSpan.FromSeconds(10) || CodeLifetime > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:{nameof(CodeLifetime)} must be between 00:00:10 and 01:00:00; it is {CodeLifetime}.");
        }

        if (PollingInterval < TimeSpan.FromSeconds(1) || PollingInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{SectionName}:{nameof(PollingInterval)} must be between 00:00:01 and 00:01:00; it is {PollingInterval}.");
        }

        if (WrongUserCodesPerAddressPerHour is < 1 or > 10_000)
        {
            problems.Add($"{SectionName}:{nameof(WrongUserCodesPerAddressPerHour)} must be between 1 and 10000;"
                + $" it is {WrongUserCodesPerAddressPerHour}.");
        }

        return problems;
    }
}
