using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter your username or email address.")]
    [StringLength(256, ErrorMessage = "A username or email address is at most 256 characters long.")]
    [Display(Name = "Username or email address")]
    public string? Login { get; set; }

    /// <summary>The proof-of-work challenge the page carried, sent back (only while the fraud guard asks for one).</summary>
    public string? ProofToken { get; set; }

    /// <summary>What the page's script found for it; empty from a browser without script.</summary>
    public string? ProofNonce { get; set; }
}
