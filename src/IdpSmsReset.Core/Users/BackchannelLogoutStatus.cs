namespace IdpSmsReset.Core.Users;

public enum BackchannelLogoutStatus
{
    /// <summary>Not yet accepted by the application; another attempt is due.</summary>
    Pending,

    /// <summary>The application answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; the application was not told.</summary>
    Failed,
}
