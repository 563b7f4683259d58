namespace IdpSmsReset.Core.Messaging;

/// <summary>What a delivery report did to its message.</summary>
public enum SmsStatusUpdate
{
    Moved,
    Ignored,
    UnknownMessage,
}
