using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using LockLevels.Cli.Analysis;
using Microsoft.CodeAnalysis;

namespace LockLevels.Cli.Findings
{
    /// <summary>Turns an analyzer diagnostic into a <see cref="Finding"/>, while its compilation is at hand to name the members around it.</summary>
    internal static class FindingFactory
    {
        public static Finding Create(Diagnostic diagnostic, EnclosingMembers members, ImmutableArray<string> lockClasses, string rootDirectory, string project)
        {
            string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            var methods = new List<string> { members.Of(diagnostic.Location).DocumentationId };
            var related = ImmutableArray.CreateBuilder<RelatedSpan>(diagnostic.AdditionalLocations.Count);
            foreach (var location in diagnostic.AdditionalLocations)
            {
                var member = members.Of(location);
                var span = SourceSpan.From(location, rootDirectory);
                if (span != null)
                {
                    related.Add(new RelatedSpan(span, member.DisplayName));
                }

                if (!methods.Contains(member.DocumentationId))
                {
                    methods.Add(member.DocumentationId);
                }
            }

            return new Finding(
                diagnostic.Id,
                Severity(diagnostic.Severity),
                message,
                SourceSpan.From(diagnostic.Location, rootDirectory),
                related.ToImmutable(),
                LockClassesIn(message, lockClasses),
                methods.ToImmutableArray(),
                project);
        }

        /// <summary>
        /// The lock classes a message names: the graph's nodes that occur in it as whole names, and any
        /// 'quoted' name (a level the graph does not know, as in LL0900). Sorted, so the key does not
        /// depend on the wording's order.
        /// </summary>
        public static ImmutableArray<string> LockClassesIn(string message, ImmutableArray<string> lockClasses)
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string name in lockClasses)
            {
                if (name.Length > 0 && ContainsWholeName(message, name))
                {
                    found.Add(name);
                }
            }

            for (int open = message.IndexOf('\''); open >= 0; open = message.IndexOf('\'', open + 1))
            {
                int close = message.IndexOf('\'', open + 1);
                if (close < 0)
                {
                    break;
                }

                string quoted = message.Substring(open + 1, close - open - 1);
                if (quoted.Length > 0 && IsName(quoted))
                {
                    found.Add(quoted);
                }

                open = close;
            }

            return found.ToImmutableArray();
        }

        private static bool ContainsWholeName(string text, string name)
        {
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                bool startsWord = at == 0 || !IsNameChar(text[at - 1]);
                int end = at + name.Length;
                bool endsWord = end == text.Length || !IsNameChar(text[end]) || (text[end] == '.' && (end + 1 == text.Length || !IsNameChar(text[end + 1])));
                if (startsWord && endsWord)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsName(string text)
        {
            foreach (char c in text)
            {
                if (!IsNameChar(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '.';

        private static FindingSeverity Severity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => FindingSeverity.Error,
            DiagnosticSeverity.Warning => FindingSeverity.Warning,
            _ => FindingSeverity.Info,
        };
    }
}
