using Hangfire.Common;
using IdpSmsReset.Core.Telemetry;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Hangfire's filters for this host: its global ones and <see cref="JobTraceContext"/> (traces, failed-job counts),
/// given to the client and the servers through DI rather than added to Hangfire's process-wide collection (several
/// hosts share a test process).
/// </summary>
public sealed class JobFilters(IdpMetrics metrics) : IJobFilterProvider
{
    private readonly JobFilter _traceContext = new(new JobTraceContext(metrics), JobFilterScope.Global, order: null);

    public IEnumerable<JobFilter> GetFilters(Job job) => [.. JobFilterProviders.Providers.GetFilters(job), _traceContext];
}
