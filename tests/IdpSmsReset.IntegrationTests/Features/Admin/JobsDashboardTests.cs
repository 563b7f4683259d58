using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin;

public sealed class JobsDashboardTests(SqliteIdpFactory factory) : IClassFixture<SqliteIdpFactory>
{
    [Fact]
    public async Task Dashboard_SignedOut_SendsToTheLoginPage()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.OpenAsync("/admin/jobs");

        Assert.Equal("/account/login", page.Path);
        Assert.Equal("?ReturnUrl=%2Fadmin%2Fjobs", page.Uri.Query);
    }

    [Fact]
    public async Task Dashboard_SignedInWithoutAdminRole_IsForbidden()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");

        var page = await browser.OpenAsync("/admin/jobs");

        Assert.DoesNotContain("IdpSmsReset jobs", page.Html);
        Assert.Contains("Access denied", page.Text);
    }

    [Fact]
    public async Task Dashboard_Administrator_SeesItWithoutTheConnectionString()
    {
        using var browser = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var page = await browser.OpenAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("IdpSmsReset jobs", page.Html);
        Assert.DoesNotContain("Data Source=", page.Html);
    }
}
