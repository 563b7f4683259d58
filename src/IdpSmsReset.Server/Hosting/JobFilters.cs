using Hangfire.Common;
using IdpSmsReset.Core.Telemetry;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Hangfire's filters for this host: its global ones and <see cref="JobTraceContext"/>, given to the client and the
/// servers through DI rather than added to Hangfire's process-wide collection (several hosts share a test process).
/// </summary>
public sealed class JobFilters : IJobFilterProvider
{
    private static readonly JobFilter TraceContext = new(new JobTraceContext(), JobFilterScope.Global, order: null);

    public IEnumerable<JobFilter> GetFilters(Job job) => [.. JobFilterProviders.Providers.GetFilters(job), TraceContext];
}
