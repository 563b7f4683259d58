using Microsoft.Data.Sqlite;

namespace IdpSmsReset.Server.Hosting;

/// <summary>The database cannot be used; the message names the setting to fix.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
