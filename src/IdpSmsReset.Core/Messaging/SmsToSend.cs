namespace IdpSmsReset.Core.Messaging;

public sealed record SmsToSend(string Destination, string Body, Uri StatusCallback);
