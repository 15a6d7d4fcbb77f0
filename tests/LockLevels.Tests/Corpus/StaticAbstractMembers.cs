using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;

namespace Corpus.StaticAbstractMembers;

/// <summary>A strongly typed identifier that knows how to parse and create itself.</summary>
public interface IStronglyTypedId<TSelf> : IParsable<TSelf>, IEquatable<TSelf>
    where TSelf : struct, IStronglyTypedId<TSelf>
{
    static abstract string Prefix { get; }
    static abstract TSelf New();
    static abstract TSelf From(Guid value);
    static virtual bool IsValidPayload(ReadOnlySpan<char> payload) => payload.Length == 32;
    Guid Value { get; }
}

public readonly record struct UserId(Guid Value) : IStronglyTypedId<UserId>
{
    public static string Prefix => "usr";
    public static UserId New() => new(Guid.NewGuid());
    public static UserId From(Guid value) => new(value);

    public static UserId Parse(string s, IFormatProvider? provider)
        => TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is not a {Prefix} id");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UserId result)
        => IdParser.TryParse(s, out result);

    public override string ToString() => $"{Prefix}_{Value:N}";
}

public readonly record struct OrderId(Guid Value) : IStronglyTypedId<OrderId>
{
    public static string Prefix => "ord";
    public static OrderId New() => new(Guid.NewGuid());
    public static OrderId From(Guid value) => new(value);
    static bool IStronglyTypedId<OrderId>.IsValidPayload(ReadOnlySpan<char> payload) => payload.Length is 32 or 36;

    public static OrderId Parse(string s, IFormatProvider? provider)
        => TryParse(s, provider, out var id) ? id : throw new FormatException($"'{s}' is not a {Prefix} id");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OrderId result)
        => IdParser.TryParse(s, out result);

    public override string ToString() => $"{Prefix}_{Value:N}";
}

public static class IdParser
{
    public static bool TryParse<TId>(string? text, out TId id) where TId : struct, IStronglyTypedId<TId>
    {
        id = default;
        if (text is null || !text.StartsWith(TId.Prefix + "_", StringComparison.Ordinal))
        {
            return false;
        }

        var payload = text.AsSpan(TId.Prefix.Length + 1);
        if (!TId.IsValidPayload(payload) || !Guid.TryParse(payload, out var guid))
        {
            return false;
        }

        id = TId.From(guid);
        return true;
    }

    public static string Format<TId>(TId id) where TId : struct, IStronglyTypedId<TId>
        => string.Create(CultureInfo.InvariantCulture, $"{TId.Prefix}_{id.Value:N}");
}

/// <summary>An id allocator per id type: one counter and one lock per closed generic type.</summary>
public static class IdRegistry<TId> where TId : struct, IStronglyTypedId<TId>
{
    private static readonly object s_gate = new();
    private static readonly HashSet<TId> s_issued = new();
    private static int s_count;

    public static int Count => Volatile.Read(ref s_count);

    public static TId Issue()
    {
        lock (s_gate)
        {
            TId id;
            do
            {
                id = TId.New();
            }
            while (!s_issued.Add(id));

            s_count++;
            return id;
        }
    }

    public static bool Forget(TId id)
    {
        lock (typeof(IdRegistry<TId>))
        {
            lock (s_gate)
            {
                if (!s_issued.Remove(id))
                {
                    return false;
                }

                s_count--;
                return true;
            }
        }
    }
}

public interface IMonoid<T> where T : IMonoid<T>
{
    static abstract T Empty { get; }
    static abstract T operator +(T left, T right);
}

public readonly record struct Counter(long Value) : IMonoid<Counter>
{
    public static Counter Empty => new(0);
    public static Counter operator +(Counter left, Counter right) => new(left.Value + right.Value);
}

public static class Monoid
{
    public static T Concat<T>(IEnumerable<T> values) where T : IMonoid<T>
    {
        var result = T.Empty;
        foreach (var value in values)
        {
            result += value;
        }

        return result;
    }
}
