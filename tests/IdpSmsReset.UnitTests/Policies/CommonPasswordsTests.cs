using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.UnitTests.Policies;

public sealed class CommonPasswordsTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("PASSWORD")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("qwertyuiop")]
    public void Contains_PasswordFromTheBreachList_IsTrue(string password) => Assert.True(CommonPasswords.Contains(password));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("a long enough passphrase")]
    public void Contains_Passphrase_IsFalse(string password) => Assert.False(CommonPasswords.Contains(password));
}
