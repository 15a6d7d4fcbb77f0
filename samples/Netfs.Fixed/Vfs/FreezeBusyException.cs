using System.IO;

namespace Netfs
{
    /// <summary>freeze_super() returning -EBUSY.</summary>
    internal sealed class FreezeBusyException : IOException
    {
        public FreezeBusyException(string fs, string reason)
            : base($"freeze_super({fs}): -EBUSY: {reason}")
        {
        }
    }
}
