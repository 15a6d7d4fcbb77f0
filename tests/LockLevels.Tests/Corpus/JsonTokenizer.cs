using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Corpus.JsonTokenizer;

public enum TokenKind : byte
{
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,
    Colon,
    Comma,
    String,
    Number,
    True,
    False,
    Null,
    End,
}

/// <summary>A forward-only JSON tokenizer over a span: no allocation per token.</summary>
public ref struct JsonTokenizer
{
    private readonly ReadOnlySpan<byte> _input;
    private int _position;

    public JsonTokenizer(ReadOnlySpan<byte> input)
    {
        _input = input;
        _position = 0;
        Kind = TokenKind.None;
        ValueSpan = default;
    }

    public TokenKind Kind { get; private set; }

    public ReadOnlySpan<byte> ValueSpan { get; private set; }

    public readonly int Position => _position;

    public bool Read()
    {
        SkipWhitespace();
        if (_position >= _input.Length)
        {
            Kind = TokenKind.End;
            return false;
        }

        var current = _input[_position];
        Kind = current switch
        {
            (byte)'{' => TokenKind.StartObject,
            (byte)'}' => TokenKind.EndObject,
            (byte)'[' => TokenKind.StartArray,
            (byte)']' => TokenKind.EndArray,
            (byte)':' => TokenKind.Colon,
            (byte)',' => TokenKind.Comma,
            (byte)'"' => TokenKind.String,
            (byte)'t' => TokenKind.True,
            (byte)'f' => TokenKind.False,
            (byte)'n' => TokenKind.Null,
            (byte)'-' or (>= (byte)'0' and <= (byte)'9') => TokenKind.Number,
            _ => throw new FormatException($"unexpected '{(char)current}' at {_position}"),
        };

        switch (Kind)
        {
            case TokenKind.String:
                ReadString();
                break;
            case TokenKind.Number:
                ReadNumber();
                break;
            case TokenKind.True:
                ReadLiteral("true"u8);
                break;
            case TokenKind.False:
                ReadLiteral("false"u8);
                break;
            case TokenKind.Null:
                ReadLiteral("null"u8);
                break;
            default:
                ValueSpan = _input.Slice(_position++, 1);
                break;
        }

        return true;
    }

    private void SkipWhitespace()
    {
        while (_position < _input.Length && _input[_position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _position++;
        }
    }

    private void ReadString()
    {
        var start = ++_position;
        while (_position < _input.Length)
        {
            var b = _input[_position];
            if (b == '\\')
            {
                _position += 2;
                continue;
            }

            if (b == '"')
            {
                ValueSpan = _input[start.._position];
                _position++;
                return;
            }

            _position++;
        }

        throw new FormatException("unterminated string");
    }

    private void ReadNumber()
    {
        var rest = _input[_position..];
        var length = rest.IndexOfAnyExcept("-+.eE0123456789"u8);
        if (length < 0)
        {
            length = rest.Length;
        }

        ValueSpan = rest[..length];
        _position += length;
    }

    private void ReadLiteral(scoped ReadOnlySpan<byte> literal)
    {
        if (!_input[_position..].StartsWith(literal))
        {
            throw new FormatException($"bad literal at {_position}");
        }

        ValueSpan = _input.Slice(_position, literal.Length);
        _position += literal.Length;
    }

    public readonly double GetDouble() => double.Parse(Encoding.UTF8.GetString(ValueSpan), NumberStyles.Float, CultureInfo.InvariantCulture);

    public readonly string GetString() => Encoding.UTF8.GetString(ValueSpan);
}

public static class JsonStatistics
{
    /// <summary>Counts tokens by kind and sums every number, in a stack-allocated table.</summary>
    public static (int Tokens, double Sum, int MaxDepth) Scan(ReadOnlySpan<byte> json)
    {
        Span<int> counts = stackalloc int[(int)TokenKind.End + 1];
        var tokenizer = new JsonTokenizer(json);
        double sum = 0;
        int depth = 0, maxDepth = 0, tokens = 0;
        while (tokenizer.Read())
        {
            tokens++;
            counts[(int)tokenizer.Kind]++;
            switch (tokenizer.Kind)
            {
                case TokenKind.StartObject or TokenKind.StartArray:
                    maxDepth = Math.Max(maxDepth, ++depth);
                    break;
                case TokenKind.EndObject or TokenKind.EndArray:
                    depth--;
                    break;
                case TokenKind.Number:
                    sum += tokenizer.GetDouble();
                    break;
            }
        }

        return (tokens, sum, maxDepth);
    }

    public static List<string> PropertyNames(string json)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, bytes);
            var tokenizer = new JsonTokenizer(bytes.AsSpan(0, length));
            var names = new List<string>();
            string? previousString = null;
            while (tokenizer.Read())
            {
                if (tokenizer.Kind == TokenKind.Colon && previousString is not null)
                {
                    names.Add(previousString);
                }

                previousString = tokenizer.Kind == TokenKind.String ? tokenizer.GetString() : null;
            }

            return names;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }
}
