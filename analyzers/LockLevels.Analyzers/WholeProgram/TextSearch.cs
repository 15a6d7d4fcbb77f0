using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LockLevels.Analyzers.WholeProgram
{
    /// <summary>
    /// Whether a source text may contain an identifier with one of a few names, read as characters, without
    /// a syntax node: true when one of the names occurs anywhere in it (in a longer word, a comment or a string
    /// too), or when the text holds a Unicode escape (<c>\u0041</c>), which can spell any identifier.
    /// </summary>
    internal sealed class TextSearch
    {
        private readonly List<string> _names;
        private char[] _buffer = new char[4096];

        public TextSearch(IEnumerable<string> names)
        {
            _names = new List<string>();
            foreach (var name in names)
            {
                // A declaration whose name is missing (half-typed code) is named by no identifier.
                if (name.Length > 0)
                {
                    _names.Add(name);
                }
            }
        }

        public bool MayNameAny(SourceText text)
        {
            int length = text.Length;
            if (_buffer.Length < length)
            {
                _buffer = new char[System.Math.Max(length, _buffer.Length * 2)];
            }

            text.CopyTo(0, _buffer, 0, length);
            for (int i = 0; i < length; i++)
            {
                char c = _buffer[i];
                if (c == '\\' && i + 1 < length && (_buffer[i + 1] == 'u' || _buffer[i + 1] == 'U'))
                {
                    return true;
                }

                foreach (var name in _names)
                {
                    if (c == name[0] && StartsAt(name, i, length))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool StartsAt(string name, int start, int length)
        {
            if (start + name.Length > length)
            {
                return false;
            }

            for (int k = 1; k < name.Length; k++)
            {
                if (_buffer[start + k] != name[k])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
