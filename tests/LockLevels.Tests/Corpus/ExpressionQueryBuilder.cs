using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

namespace Corpus.ExpressionQueryBuilder
{
    public sealed class Product
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public decimal Price { get; init; }
        public string Category { get; init; } = "";
        public bool Discontinued { get; init; }
    }

    /// <summary>
    /// Builds filter predicates from (property, operator, value) triples as expression trees, and
    /// caches the compiled delegates per shape.
    /// </summary>
    public static class PredicateBuilder
    {
        private static readonly ConcurrentDictionary<(Type, string, string), Delegate> s_compiled = new();
        private static readonly object s_statsGate = new();
        private static int s_compilations;

        public static int Compilations
        {
            get
            {
                lock (s_statsGate)
                {
                    return s_compilations;
                }
            }
        }

        public static Expression<Func<T, bool>> Build<T>(string property, string op, object? value)
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            var member = Expression.Property(parameter, typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new ArgumentException($"{typeof(T).Name} has no property {property}", nameof(property)));
            var constant = Expression.Constant(value is null ? null : Convert.ChangeType(value, member.Type), member.Type);
            Expression body = op switch
            {
                "==" or "eq" => Expression.Equal(member, constant),
                "!=" or "ne" => Expression.NotEqual(member, constant),
                "<" or "lt" => Expression.LessThan(member, constant),
                "<=" or "le" => Expression.LessThanOrEqual(member, constant),
                ">" or "gt" => Expression.GreaterThan(member, constant),
                ">=" or "ge" => Expression.GreaterThanOrEqual(member, constant),
                "contains" when member.Type == typeof(string) => Expression.Call(member, nameof(string.Contains), Type.EmptyTypes, constant),
                _ => throw new NotSupportedException($"operator '{op}'"),
            };

            return Expression.Lambda<Func<T, bool>>(body, parameter);
        }

        public static Func<T, bool> Compile<T>(string property, string op, object? value)
        {
            // The shape is cached; the constant is part of the key in this simple version.
            var key = (typeof(T), $"{property} {op}", value?.ToString() ?? "null");
            return (Func<T, bool>)s_compiled.GetOrAdd(key, _ =>
            {
                lock (s_statsGate)
                {
                    s_compilations++;
                }

                return Build<T>(property, op, value).Compile();
            });
        }

        public static Expression<Func<T, bool>> And<T>(this Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
        {
            var parameter = Expression.Parameter(typeof(T), "x");
            var body = Expression.AndAlso(
                new Rebind(left.Parameters[0], parameter).Visit(left.Body),
                new Rebind(right.Parameters[0], parameter).Visit(right.Body));
            return Expression.Lambda<Func<T, bool>>(body, parameter);
        }

        private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
        }
    }

    public static class Catalog
    {
        public static IReadOnlyList<(string Category, int Count, decimal Average)> Summary(IEnumerable<Product> products)
            => (from product in products
                where !product.Discontinued
                group product by product.Category into byCategory
                let average = byCategory.Average(p => p.Price)
                orderby average descending, byCategory.Key
                select (byCategory.Key, byCategory.Count(), Math.Round(average, 2)))
               .ToList();

        public static IEnumerable<Product> Search(IQueryable<Product> products, string text, decimal maxPrice)
        {
            var filter = PredicateBuilder.Build<Product>("Name", "contains", text).And(PredicateBuilder.Build<Product>("Price", "<=", maxPrice));
            return products.Where(filter).OrderBy(p => p.Price).ThenBy(p => p.Id);
        }

        public static (Product? Cheapest, Product? Dearest) Extremes(IReadOnlyCollection<Product> products)
        {
            if (products.Count == 0)
            {
                return default;
            }

            var (cheapest, dearest) = (products.MinBy(p => p.Price), products.MaxBy(p => p.Price));
            return (cheapest, dearest);
        }

        public static ILookup<char, string> Index(IEnumerable<Product> products)
            => products.Select(p => p.Name).Where(name => name.Length > 0).Distinct().ToLookup(name => char.ToUpperInvariant(name[0]));

        public static Dictionary<string, decimal[]> PriceBands(IEnumerable<Product> products)
            => products.Chunk(10).Select((chunk, index) => (Band: $"band-{index}", Prices: chunk.Select(p => p.Price).ToArray()))
                .ToDictionary(pair => pair.Band, pair => pair.Prices);
    }
}
