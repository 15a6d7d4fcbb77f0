using System.Collections.Generic;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using LockLevels.Cli.Findings;

namespace LockLevels.Cli.Reports
{
    /// <summary>
    /// SARIF partialFingerprints: a hash of the finding's key (rule, lock classes, method symbols; no
    /// line or column), so a code-scanning service matches a finding across edits that do not touch it.
    /// Findings sharing a key get an ordinal, in report order.
    /// </summary>
    internal static class Fingerprints
    {
        public const string Name = "lockLevelsFindingHash/v1";

        public static ImmutableArray<string> For(ImmutableArray<Finding> findings)
        {
            var seen = new Dictionary<string, int>();
            var result = ImmutableArray.CreateBuilder<string>(findings.Length);
            foreach (var finding in findings)
            {
                seen.TryGetValue(finding.Key, out int ordinal);
                seen[finding.Key] = ordinal + 1;
                result.Add(Hash(finding.Key) + ":" + (ordinal + 1));
            }

            return result.ToImmutable();
        }

        public static string Hash(string key)
        {
            byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            return System.Convert.ToHexString(digest, 0, 16).ToLowerInvariant();
        }
    }
}
