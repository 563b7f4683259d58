using System.ComponentModel.DataAnnotations;

namespace IdpSmsReset.Server.Features.Account.Login;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your username or email address.")]
    [StringLength(256, ErrorMessage = "That is longer than any username or email address here.")]
    [Display(Name = "Username or email")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(1024, ErrorMessage = "That password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }
}
