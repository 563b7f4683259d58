using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>The authorization request <c>/dev/try</c> sends: what a relying application chooses.</summary>
public sealed class TryInput
{
    [Required(ErrorMessage = "Choose an application to sign in to.")]
    [Display(Name = "Application")]
    public string? ClientId { get; set; }

    /// <summary>Only asked for a confidential application whose secret the demo bootstrap does not hold.</summary>
    [Display(Name = "Client secret")]
    public string? ClientSecret { get; set; }

    [Required(ErrorMessage = "Enter the scopes to ask for, separated by spaces; openid is needed for an ID token.")]
    [RegularExpression(@"^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$",
        ErrorMessage = "Separate scopes by single spaces; a scope has no quotes or backslashes (RFC 6749, section 3.3).")]
    [Display(Name = "Scopes")]
    public string? Scope { get; set; } = "openid profile email offline_access";

    [RegularExpression("^(|none|login|consent)$", ErrorMessage = "Choose one of the listed prompts.")]
    [Display(Name = "Prompt")]
    public string? Prompt { get; set; }

    [StringLength(200, ErrorMessage = "Keep it under 200 characters.")]
    [Display(Name = "acr_values")]
    public string? AcrValues { get; set; }

    [RegularExpression(@"^([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( |$))*$",
        ErrorMessage = "Write language tags separated by spaces, such as fr or es-MX en.")]
    [Display(Name = "ui_locales")]
    public string? UiLocales { get; set; }
}
