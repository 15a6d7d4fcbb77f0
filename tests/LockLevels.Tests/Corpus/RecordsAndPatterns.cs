using System;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.RecordsAndPatterns;

public abstract record Shape
{
    public abstract double Area { get; }
}

public sealed record Circle(double Radius) : Shape
{
    public override double Area => Math.PI * Radius * Radius;
}

public sealed record Rectangle(double Width, double Height) : Shape
{
    public override double Area => Width * Height;

    public bool IsSquare => Width == Height;
}

public sealed record Polygon(IReadOnlyList<(double X, double Y)> Points) : Shape
{
    public override double Area
    {
        get
        {
            double twice = 0;
            for (var i = 0; i < Points.Count; i++)
            {
                var (x1, y1) = Points[i];
                var (x2, y2) = Points[(i + 1) % Points.Count];
                twice += x1 * y2 - x2 * y1;
            }

            return Math.Abs(twice) / 2;
        }
    }
}

public readonly record struct Money(decimal Amount, string Currency)
{
    public static Money operator +(Money left, Money right) => left.Currency == right.Currency
        ? left with { Amount = left.Amount + right.Amount }
        : throw new InvalidOperationException($"{left.Currency} + {right.Currency}");
}

public record struct Line(string Sku, int Quantity, Money UnitPrice);

/// <summary>Pricing rules as pattern matching, the kind of code that sits next to a lock-free read model.</summary>
public static class Pricing
{
    public static string Classify(Shape shape) => shape switch
    {
        Circle { Radius: <= 0 } => "degenerate circle",
        Circle { Radius: > 100 } c => $"huge circle ({c.Area:F0})",
        Rectangle { IsSquare: true, Width: var side } => $"square of {side}",
        Rectangle r when r.Area > 1_000 => "large rectangle",
        Polygon { Points.Count: < 3 } => "not a polygon",
        Polygon { Points: [var first, .., var last] } when first == last => "closed polygon",
        null => throw new ArgumentNullException(nameof(shape)),
        _ => shape.GetType().Name.ToLowerInvariant(),
    };

    public static decimal Discount(IReadOnlyList<Line> lines) => lines switch
    {
        [] => 0m,
        [{ Quantity: >= 10 } only] => only.UnitPrice.Amount * only.Quantity * 0.10m,
        [_, _] => 0.02m * Total(lines),
        [.., { Sku: ['G', 'I', 'F', 'T', ..] }] => 5m,
        { Count: > 20 } => 0.05m * Total(lines),
        _ => 0m,
    };

    public static decimal Total(IEnumerable<Line> lines) => lines.Sum(line => line.Quantity * line.UnitPrice.Amount);

    public static string Shipping(object order) => order switch
    {
        (string country, decimal weight) when country is "US" or "CA" && weight < 1m => "letter",
        (string, decimal weight) => weight switch
        {
            < 5m => "parcel",
            >= 5m and < 30m => "freight",
            _ => "pallet",
        },
        IEnumerable<Line> lines when lines.Any(l => l is { Quantity: 0 }) => "invalid",
        int or long => "legacy id",
        not null => "unknown",
        _ => "none",
    };

    public static bool TryParseSize(ReadOnlySpan<char> text, out Rectangle? rectangle)
    {
        rectangle = null;
        var x = text.IndexOf('x');
        if (x is < 1 || x == text.Length - 1)
        {
            return false;
        }

        if (double.TryParse(text[..x], out var width) && double.TryParse(text[(x + 1)..], out var height) && (width, height) is ( > 0, > 0))
        {
            rectangle = new Rectangle(width, height);
            return true;
        }

        return false;
    }

    public static IEnumerable<Shape> Normalize(IEnumerable<Shape> shapes)
    {
        foreach (var shape in shapes)
        {
            yield return shape switch
            {
                Rectangle { Width: < 0 } r => r with { Width = -r.Width },
                Rectangle { Height: < 0 } r => r with { Height = -r.Height },
                Circle c and { Radius: < 0 } => c with { Radius = -c.Radius },
                var other => other,
            };
        }
    }
}
