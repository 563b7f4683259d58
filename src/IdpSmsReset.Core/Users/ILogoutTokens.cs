namespace IdpSmsReset.Core.Users;

/// <summary>Makes a Logout Token (a JWT signed with the server's signing key); the host holds the key.</summary>
public interface ILogoutTokens
{
    string Create(string clientId, string subject, string sessionId);
}
