using System.Collections;
using System.Runtime.CompilerServices;

namespace PtHub.Grains.Contracts;

/// <summary>
/// An immutable list that compares by its items, so records holding lists (board rows, lobby and manager views)
/// keep value equality: the live views publish a change only when the content really changed.
/// </summary>
[GenerateSerializer, Immutable, Alias("PtHub.ValueList`1")]
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
[System.Text.Json.Serialization.JsonConverter(typeof(ValueListJsonConverter))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new([]);

    [Id(0)]
    private readonly T[] _items;

    public ValueList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public static implicit operator ValueList<T>(T[] items) => new(items);

    public static implicit operator ValueList<T>(List<T> items) => new([.. items]);
}

public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new([.. items]);
}
