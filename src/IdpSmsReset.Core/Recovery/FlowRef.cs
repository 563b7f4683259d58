using System.Security.Cryptography;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// How logs name a reset flow: a short digest of its id, never the id itself, because the id of a flow an administrator
/// issued is what its claim link carries (the first browser to open the link makes the flow its own).
/// </summary>
public static class FlowRef
{
    public static string Of(Guid flowId) => Convert.ToHexStringLower(SHA256.HashData(flowId.ToByteArray()))[..12];
}
