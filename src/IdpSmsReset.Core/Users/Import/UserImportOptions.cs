namespace IdpSmsReset.Core.Users.Import;

/// <summary>How an import treats what it finds.</summary>
/// <param name="DryRun">Check every line, against the database too, and write nothing.</param>
/// <param name="Update">Update the profile of a user whose name exists (default: skip it).</param>
/// <param name="AllowWeakHashes">
/// Accept hashes under the safe bounds (<see cref="ForeignPasswords.ForeignPasswordHash.Weakness"/>); their users must
/// choose a new password at the first sign-in (<c>update-password</c>).
/// </param>
public sealed record UserImportOptions(bool DryRun = false, bool Update = false, bool AllowWeakHashes = false);
