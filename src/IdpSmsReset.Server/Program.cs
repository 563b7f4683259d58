using IdpSmsReset.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddIdpOptions();
builder.AddIdpStorage();
builder.AddIdpIdentity();
builder.AddIdpOpenIddict();
builder.AddIdpPages();

var app = builder.Build();

app.UseIdpPipeline();
app.MapIdpEndpoints();

return await app.RunIdpAsync();

/// <summary>Visible to <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
