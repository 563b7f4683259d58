using System.Net;
using IdpSmsReset.Core.Net;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace IdpSmsReset.IntegrationTests.Net;

/// <summary>The outbound handler against a real HTTP server on this machine, as an application's URL would reach it.</summary>
public sealed class OutboundDestinationsTests : IDisposable
{
    private readonly WireMockServer _receiver = WireMockServer.Start();

    public OutboundDestinationsTests()
    {
        _receiver.Given(Request.Create().WithPath("/logout").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        _receiver.Given(Request.Create().WithPath("/moved").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(307).WithHeader("Location", "/logout"));
    }

    [Fact]
    public async Task InternalAddress_OutsideDevelopment_RefusedBeforeAnythingIsSent()
    {
        using var http = new HttpClient(OutboundDestinations.Handler(allowInternal: false));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            http.PostAsync(_receiver.Url + "/logout", new StringContent("")));

        Assert.Contains("private network", refused.Message);
        Assert.Empty(_receiver.LogEntries);
    }

    [Fact]
    public async Task NameResolvingToThisMachine_OutsideDevelopment_Refused()
    {
        using var http = new HttpClient(OutboundDestinations.Handler(allowInternal: false));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(
            $"http://localhost:{new Uri(_receiver.Url!).Port}/logout", new StringContent("")));

        Assert.Empty(_receiver.LogEntries);
    }

    [Fact]
    public async Task Redirect_IsAnswerNotFollowed()
    {
        using var http = new HttpClient(OutboundDestinations.Handler(allowInternal: true));

        using var answer = await http.PostAsync(_receiver.Url + "/moved", new StringContent(""));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, answer.StatusCode);
        Assert.Single(_receiver.LogEntries);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("64:ff9b::a00:1", true)]
    [InlineData("93.184.216.34", false)]
    [InlineData("2606:4700::1111", false)]
    public void Address_ClassifiedAsInternalOrNot(string address, bool isInternal) =>
        Assert.Equal(isInternal, OutboundDestinations.IsInternal(IPAddress.Parse(address)));

    public void Dispose() => _receiver.Stop();
}
