using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// Keeps a JSON value as its text: the bootstrap file may write a key set as the object it is, or as a string holding
/// it (as the dashboard's text box does); the rules then parse it once, with the messages they give.
/// </summary>
public sealed class JsonTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => JsonDocument.ParseValue(ref reader).RootElement.GetRawText(),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(value);
        }
    }
}
