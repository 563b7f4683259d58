using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Messaging.FraudGuard;

namespace IdpSmsReset.UnitTests.Messaging.FraudGuard;

public sealed class ProofOfWorkTests
{
    [Fact]
    public void Solves_NonceFoundByBruteForce_AcceptedAtItsDifficultyAndNotAbove()
    {
        const string challenge = "0123456789abcdef0123456789abcdef";
        var nonce = Enumerable.Range(0, 1_000_000).First(n => SHA256.HashData(Encoding.ASCII.GetBytes(challenge + n))[0] == 0
            && SHA256.HashData(Encoding.ASCII.GetBytes(challenge + n))[1] < 0x80).ToString();

        Assert.True(ProofOfWork.Solves(challenge, nonce, 9));
        Assert.False(ProofOfWork.Solves("another challenge", nonce, 9));
        Assert.False(ProofOfWork.Solves(challenge, nonce, 24));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("-1")]
    [InlineData("12345678901234567")]
    public void Solves_NonceNotDecimalDigits_Refused(string? nonce) => Assert.False(ProofOfWork.Solves("c", nonce, 0));
}
