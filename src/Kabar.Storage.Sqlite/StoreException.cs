namespace Kabar.Storage.Sqlite;

/// <summary>The database cannot be used; the message is one line naming the file and the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
