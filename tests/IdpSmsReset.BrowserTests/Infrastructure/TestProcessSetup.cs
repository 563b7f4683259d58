using System.Runtime.CompilerServices;
using IdpSmsReset.TestSupport;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>What this test process sets before its first server starts.</summary>
internal static class TestProcessSetup
{
    [ModuleInitializer]
    internal static void Initialize() => FileWatching.UsePolling();
}
