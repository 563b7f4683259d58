using IdpSmsReset.Core.Keys;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>Refuses a start whose configuration would issue tokens under a wrong name or with throwaway keys.</summary>
internal sealed class IdpOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<IdpOptions>
{
    public ValidateOptionsResult Validate(string? name, IdpOptions options)
    {
        // Read off the configuration, not the bound options: a key no property takes leaves no trace there.
        var failures = SettingsCatalogue.UnknownKeys(configuration)
            .Select(key => $"{key} is not a setting (a misspelling? README's configuration table lists every key).").ToList();

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Idp:Issuer is required: set it to the public origin of this server, such as https://id.example.com.");
        }
        else if (!Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer) || issuer.Scheme is not ("http" or "https")
                 || !string.IsNullOrEmpty(issuer.Query) || !string.IsNullOrEmpty(issuer.Fragment))
        {
            failures.Add($"Idp:Issuer '{options.Issuer}' must be an absolute http(s) URL without query or fragment.");
        }
        else if (!environment.IsDevelopment() && issuer.Scheme != "https")
        {
            failures.Add($"Idp:Issuer '{options.Issuer}' must use https outside Development.");
        }

        if (options.Sessions.CheckInterval < TimeSpan.Zero || options.Sessions.CheckInterval > TimeSpan.FromMinutes(30))
        {
            failures.Add($"Idp:Sessions:CheckInterval '{options.Sessions.CheckInterval}' must be between 00:00:00 and 00:30:00.");
        }

        if (options.Api.RequestsPerMinutePerClient is < 1 or > 100_000)
        {
            failures.Add($"Idp:Api:RequestsPerMinutePerClient '{options.Api.RequestsPerMinutePerClient}' must be between 1 and 100000.");
        }

        if (options.Api.MaxRequestBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            failures.Add($"Idp:Api:MaxRequestBodyBytes '{options.Api.MaxRequestBodyBytes}' must be between 1024 and 104857600.");
        }

        if (options.Api.MaxImportBodyBytes is < 1024 or > 10L * 1024 * 1024 * 1024)
        {
            failures.Add($"Idp:Api:MaxImportBodyBytes '{options.Api.MaxImportBodyBytes}' must be between 1024 and 10737418240.");
        }

        foreach (var proxy in options.ForwardedHeaders.KnownProxies.Where(proxy => !System.Net.IPAddress.TryParse(proxy, out _)))
        {
            failures.Add($"Idp:ForwardedHeaders:KnownProxies '{proxy}' is not an IP address.");
        }

        foreach (var network in options.ForwardedHeaders.KnownNetworks.Where(network => !System.Net.IPNetwork.TryParse(network, out _)))
        {
            failures.Add($"Idp:ForwardedHeaders:KnownNetworks '{network}' is not a network in CIDR form, such as 10.0.0.0/8.");
        }

        if (environment.IsDevelopment())
        {
            // Not required here, but one that is set is used, and is checked as outside Development.
            CheckCertificate(options.Certificates.Signing, "Idp:Certificates:Signing", failures, required: false);
            CheckCertificate(options.Certificates.Encryption, "Idp:Certificates:Encryption", failures, required: false);
            CheckCertificate(options.Certificates.DataProtection, "Idp:Certificates:DataProtection", failures, required: false);
        }
        else if (KeysHosting.SourceOf(configuration) == TokenKeySource.Certificates)
        {
            CheckCertificate(options.Certificates.Signing, "Idp:Certificates:Signing", failures, "");
            CheckCertificate(options.Certificates.Encryption, "Idp:Certificates:Encryption", failures, "");
            CheckCertificate(options.Certificates.DataProtection, "Idp:Certificates:DataProtection", failures, required: false);
        }
        else
        {
            // The token keys in the database are only as safe as the Data Protection key ring that encrypts them.
            CheckCertificate(options.Certificates.DataProtection, "Idp:Certificates:DataProtection", failures,
                " with Idp:Keys:Source Database (it encrypts the key ring that protects the token keys)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCertificate(CertificateFile certificate, string key, List<string> failures, string why = "",
        bool required = true)
    {
        if (!certificate.IsConfigured && !required)
        {
            return;
        }

        if (!certificate.IsConfigured)
        {
            failures.Add($"{key}:Path is required outside Development{why} (a .pfx file; its password in {key}:Password).");
        }
        else if (!File.Exists(certificate.Path))
        {
            failures.Add($"{key}:Path '{certificate.Path}' does not exist.");
        }
        else if (Unreadable(certificate) is { } problem)
        {
            failures.Add($"{key}:Path '{certificate.Path}' {problem.Replace("{key}", key)}");
        }
    }

    /// <summary>
    /// Opened here, at start, rather than when the first token is signed, so that a wrong password is named as one.
    /// </summary>
    private static string? Unreadable(CertificateFile certificate)
    {
        try
        {
            using var loaded = certificate.Load();
            return loaded.HasPrivateKey ? null : "holds no private key: export the certificate with its key, as a .pfx file.";
        }
        catch (System.Security.Cryptography.CryptographicException exception) when (exception.Message.Contains("password"))
        {
            return string.IsNullOrEmpty(certificate.Password)
                ? "needs a password: set it in {key}:Password."
                : "cannot be opened with {key}:Password: the password is wrong.";
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            return $"is not a readable .pfx (PKCS#12) file: {exception.Message}";
        }
    }
}
