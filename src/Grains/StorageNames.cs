namespace PtHub.Grains;

public static class StorageNames
{
    /// <summary>The one grain storage provider every PtHub grain persists to.</summary>
    public const string State = "pthub";
}
