using Hangfire;

namespace IdpSmsReset.Server.Hosting;

/// <summary>One recurring job that <see cref="RecurringJobSchedules"/> (re)registers after start: its id, and the call that
/// registers it.</summary>
public sealed record RecurringJobSchedule(string Id, Action<IRecurringJobManager, IServiceProvider> Register);
