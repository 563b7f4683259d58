namespace IdpSmsReset.Core.Keys;

public enum TokenKeySource
{
    /// <summary>Keys the server creates, keeps in the database and rotates (see <see cref="TokenKeyRing"/>).</summary>
    Database,

    /// <summary>The PKCS#12 files of <c>Idp:Certificates:Signing</c> and <c>:Encryption</c>, rotated by the operator.</summary>
    Certificates,
}
