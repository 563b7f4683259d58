using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter your username or email address.")]
    [StringLength(256, ErrorMessage = "A username or email address is at most 256 characters long.")]
    [Display(Name = "Username or email address")]
    public string? Login { get; set; }
}
