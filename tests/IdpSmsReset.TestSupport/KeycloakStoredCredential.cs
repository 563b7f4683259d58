namespace IdpSmsReset.TestSupport;

/// <summary>A password credential as a Keycloak server stored it (pbkdf2-sha256, 27,500 iterations), and its password.</summary>
public static class KeycloakStoredCredential
{
    public const string Password = "RdaRfqP7Y89vy2";

    /// <summary><c>secretData</c> as a realm export holds it: JSON in a JSON string, its quotes escaped.</summary>
    public const string SecretDataInJson = "{\\\"value\\\":\\\"ZXVC08Hf4jBOoYzVoNWYjQijsMC2oc/OUa9LciiIJ/1XHPF/qPiY1DqwLLDN2hYFmf/"
        + "1kApkveD8/Pr7GVqjgw==\\\",\\\"salt\\\":\\\"Td6XuopYK6JNfUnIlqYMOQ==\\\",\\\"additionalParameters\\\":{}}";
}
