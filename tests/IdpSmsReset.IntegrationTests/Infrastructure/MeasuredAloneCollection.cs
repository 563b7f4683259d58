namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Tests that measure the process (its heap): xUnit runs this collection alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}
