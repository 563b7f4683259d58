using System.Collections.Concurrent;
using IdpSmsReset.Core.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Dev.Sms;

public sealed record SandboxMessage(string Sid, string To, string From, string Body, DateTimeOffset At);
