using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Corpus.LocalFunctionsLambdas
{
    /// <summary>A tiny HTTP-like router whose handlers are lambdas, some with attributes.</summary>
    public sealed class Router
    {
        private readonly object _routesGate = new();
        private readonly List<(string Method, string Template, Delegate Handler)> _routes = new();
        private readonly Dictionary<string, int> _hits = new();

        public Router Map(string method, string template, Delegate handler)
        {
            lock (_routesGate)
            {
                _routes.Add((method, template, handler));
            }

            return this;
        }

        public object? Dispatch(string method, string path)
        {
            (string Method, string Template, Delegate Handler)[] routes;
            lock (_routesGate)
            {
                routes = _routes.ToArray();
                _hits[path] = _hits.GetValueOrDefault(path) + 1;
            }

            foreach (var route in routes)
            {
                if (route.Method == method && Matches(route.Template, path, out var argument))
                {
                    return route.Handler.DynamicInvoke(route.Handler.Method.GetParameters().Length == 0 ? Array.Empty<object>() : new object?[] { argument });
                }
            }

            return null;

            static bool Matches(string template, string path, out string? argument)
            {
                argument = null;
                var brace = template.IndexOf('{');
                if (brace < 0)
                {
                    return string.Equals(template, path, StringComparison.OrdinalIgnoreCase);
                }

                if (!path.StartsWith(template[..brace], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                argument = path[brace..];
                return argument.Length > 0;
            }
        }

        public static Router CreateDefault()
        {
            var counter = 0;
            var counterGate = new object();

            var router = new Router()
                .Map("GET", "/health", [Description("liveness probe")] () => "ok")
                .Map("GET", "/items/{id}", [return: NotNull] (string id) => $"item {id}")
                .Map("POST", "/count", () =>
                {
                    lock (counterGate)
                    {
                        return ++counter;
                    }
                })
                .Map("GET", "/echo/{text}", static (string text) => text.ToUpperInvariant());

            return router;
        }
    }

    public static class Combinators
    {
        public static Func<T, TResult> Memoize<T, TResult>(Func<T, TResult> function) where T : notnull
        {
            var cache = new Dictionary<T, TResult>();
            var gate = new object();
            return argument =>
            {
                lock (gate)
                {
                    if (cache.TryGetValue(argument, out var cached))
                    {
                        return cached;
                    }
                }

                var computed = function(argument);
                lock (gate)
                {
                    cache.TryAdd(argument, computed);
                }

                return computed;
            };
        }

        public static async Task<int> SumOfSquaresAsync(IEnumerable<int> numbers, int degree = 4)
        {
            var total = 0;
            var totalGate = new object();
            await Parallel.ForEachAsync(numbers, new ParallelOptions { MaxDegreeOfParallelism = degree }, async (n, ct) =>
            {
                await Task.Yield();
                var square = Square(n);
                lock (totalGate)
                {
                    total += square;
                }
            });

            return total;

            static int Square(int x) => x * x;
        }

        public static IEnumerable<int> Collatz(int start)
        {
            return Walk(start);

            static IEnumerable<int> Walk(int n)
            {
                while (n != 1)
                {
                    yield return n;
                    n = Next(n);
                }

                yield return 1;

                static int Next(int value) => value % 2 == 0 ? value / 2 : 3 * value + 1;
            }
        }

        public static void Examples()
        {
            var parse = (string s, int fallback = -1) => int.TryParse(s, out var n) ? n : fallback;
            var add = static (int a, int b) => a + b;
            var sum = (params int[] values) => values.Sum();
            Func<int, int> twice = x => add(x, x);
            Action<string> log = Console.WriteLine;
            var counter = 0;
            void Bump(ref int value) => Interlocked.Increment(ref value);
            Bump(ref counter);
            log($"{parse("12")} {parse("x")} {sum(1, 2, 3)} {twice(21)} {counter}");
        }
    }
}
