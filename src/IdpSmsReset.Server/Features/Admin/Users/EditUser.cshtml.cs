using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>
/// One user: profile, phone, attributes, role and policy; unlock, reset MFA, end sessions; and the exact reason the user
/// can or cannot reset the password by SMS (the administrator may know what the user may not).
/// </summary>
public sealed class EditUserModel(
    IdpDbContext database,
    IdpUserManager users,
    RoleManager<IdentityRole> roles,
    AuthenticatorService authenticators,
    UserSessionService sessions,
    PasswordResetEligibility eligibility,
    WrongResetCodeBudget wrongResetCodes,
    AdminChanges changes,
    TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public ApplicationUser? Account { get; private set; }

    public IReadOnlyList<SecurityPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public ResetEligibility? Reset { get; private set; }

    public bool HasAuthenticator { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null && await LoadAsync() is null)
        {
            return NotFound();
        }

        if (Account is { } user)
        {
            Input = new UserForm
            {
                UserName = user.UserName,
                DisplayName = user.DisplayName,
                Email = user.Email,
                PhoneNumber = user.PhoneNumber,
                PolicyId = user.SecurityPolicyId?.ToString(),
                IsAdministrator = await users.IsInRoleAsync(user, Administrators.Role),
                Attributes = string.Join("\n", user.Attributes.OrderBy(a => a.Name).Select(a => $"{a.Name}={a.Value}")),
            };
        }

        await LoadPoliciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var user = Id is null ? new ApplicationUser() : await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        await LoadPoliciesAsync();
        var before = Id is null ? null : await SnapshotAsync(user);
        if (!Validate(out var phone, out var policyId, out var attributes))
        {
            return Page();
        }

        user.DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim();
        if (user.PhoneNumber != phone)
        {
            // An administrator vouches for the number they type.
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = phone is not null;
        }

        user.SecurityPolicyId = policyId;
        var result = Id is null ? await CreateAsync(user) : await users.UpdateAsync(user);
        if (!AddErrors(result))
        {
            return Page();
        }

        await SaveAttributesAsync(user, attributes);
        await SetAdministratorAsync(user, Input.IsAdministrator);
        await changes.WriteAsync(Id is null ? AdminEventTypes.UserCreated : AdminEventTypes.UserChanged, user.Id, before, await SnapshotAsync(user), HttpContext.RequestAborted);
        Notice = $"{user.UserName} was saved.";
        return RedirectToPage(new { id = user.Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync() => await ActAsync(AdminEventTypes.UserUnlocked, "The account is unlocked.", async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.ResetSecondFactorFailuresAsync(user);
    });

    public async Task<IActionResult> OnPostResetMfaAsync() => await ActAsync(AdminEventTypes.UserMfaReset,
        "The authenticator app and recovery codes were removed; the user sets up a factor again at the next sign-in if the policy requires one.",
        user => authenticators.RemoveAsync(user.Id, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostEndSessionsAsync() => await ActAsync(AdminEventTypes.UserSessionsEnded,
        "Every session of the user was ended.", user => sessions.EndAllAsync(user.Id, keep: null, HttpContext.RequestAborted));

    /// <summary>Lets the user reset by SMS again after too many wrong codes (audited by the budget itself, with this administrator as the actor).</summary>
    public async Task<IActionResult> OnPostLiftResetSuspensionAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        Notice = await wrongResetCodes.LiftAsync(user.Id, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted)
            ? "SMS reset is possible again; earlier wrong codes no longer count."
            : "SMS reset was not suspended.";
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<IActionResult> ActAsync(string type, string notice, Func<ApplicationUser, Task> action)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        await action(user);
        await changes.WriteAsync(type, user.Id, null, null, HttpContext.RequestAborted);
        Notice = notice;
        return RedirectToPage(new { id = user.Id });
    }

    private bool Validate(out string? phone, out Guid? policyId, out List<(string Name, string Value)> attributes)
    {
        phone = null;
        policyId = null;
        attributes = [];
        if (Id is null && string.IsNullOrWhiteSpace(Input.UserName))
        {
            ModelState.AddModelError("Input.UserName", "Enter a username.");
        }

        if (!string.IsNullOrWhiteSpace(Input.PhoneNumber))
        {
            if (PhoneNumberRules.TryNormalize(Input.PhoneNumber, out var e164, out _, out var problem))
            {
                phone = e164;
            }
            else
            {
                ModelState.AddModelError("Input.PhoneNumber", problem!);
            }
        }

        if (!string.IsNullOrWhiteSpace(Input.PolicyId))
        {
            if (Guid.TryParse(Input.PolicyId, out var id) && Policies.Any(p => p.Id == id))
            {
                policyId = id;
            }
            else
            {
                ModelState.AddModelError("Input.PolicyId", "Choose one of the policies.");
            }
        }

        foreach (var line in (Input.Attributes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = line.IndexOf('=');
            var name = at > 0 ? line[..at].Trim() : "";
            if (!UserAttribute.IsValidName(name))
            {
                ModelState.AddModelError("Input.Attributes", $"'{line}' must be name=value, the name made of letters, digits, '_', '-', '.'.");
                continue;
            }

            attributes.Add((name, line[(at + 1)..].Trim()));
        }

        return ModelState.IsValid;
    }

    private async Task<IdentityResult> CreateAsync(ApplicationUser user)
    {
        user.UserName = Input.UserName!.Trim();
        return string.IsNullOrEmpty(Input.Password) ? await users.CreateAsync(user) : await users.CreateAsync(user, Input.Password);
    }

    private bool AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var key = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password"
                : error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email"
                : "Input.UserName";
            ModelState.AddModelError(key, error.Description);
        }

        return result.Succeeded;
    }

    private async Task SaveAttributesAsync(ApplicationUser user, List<(string Name, string Value)> attributes)
    {
        await database.Set<UserAttribute>().Where(a => a.UserId == user.Id).ExecuteDeleteAsync(HttpContext.RequestAborted);
        database.ChangeTracker.Clear();
        database.AddRange(attributes.DistinctBy(a => a.Name).Select(a => new UserAttribute { UserId = user.Id, Name = a.Name, Value = a.Value }));
        await database.SaveChangesAsync(HttpContext.RequestAborted);
    }

    private async Task SetAdministratorAsync(ApplicationUser user, bool administrator)
    {
        var fresh = (await users.FindByIdAsync(user.Id))!;
        var isNow = await users.IsInRoleAsync(fresh, Administrators.Role);
        if (administrator && !isNow)
        {
            if (!await roles.RoleExistsAsync(Administrators.Role))
            {
                await roles.CreateAsync(new IdentityRole(Administrators.Role));
            }

            await users.AddToRoleAsync(fresh, Administrators.Role);
        }
        else if (!administrator && isNow)
        {
            await users.RemoveFromRoleAsync(fresh, Administrators.Role);
        }
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        Account = await database.Users.Include(u => u.Attributes).SingleOrDefaultAsync(u => u.Id == Id, HttpContext.RequestAborted);
        if (Account is { } user)
        {
            Sessions = await sessions.ListActiveAsync(user.Id, HttpContext.RequestAborted);
            Reset = await eligibility.CheckAsync(user, HttpContext.RequestAborted);
            HasAuthenticator = await authenticators.IsEnrolledAsync(user.Id, HttpContext.RequestAborted);
        }

        return Account;
    }

    private async Task LoadPoliciesAsync() =>
        Policies = await database.Set<SecurityPolicy>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(HttpContext.RequestAborted);

    public bool IsLocked => Account?.LockoutEnd > time.GetUtcNow();

    private async Task<object> SnapshotAsync(ApplicationUser user) => new
    {
        user.UserName,
        user.DisplayName,
        user.Email,
        Phone = user.PhoneNumber is null ? null : PhoneNumberRules.Mask(user.PhoneNumber),
        user.SecurityPolicyId,
        Roles = await users.GetRolesAsync(user),
    };
}
