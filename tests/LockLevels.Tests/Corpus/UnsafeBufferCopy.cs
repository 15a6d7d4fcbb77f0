using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Corpus.UnsafeBufferCopy
{
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct PacketHeader
    {
        public ushort Magic;
        public ushort Version;
        public uint Length;
        public ulong Sequence;
    }

    /// <summary>
    /// Copies between managed arrays and an unmanaged ring of native memory with raw pointers.
    /// The ring's write cursor is guarded by a lock; copies run outside it on pinned memory.
    /// </summary>
    public sealed unsafe class NativeRing : IDisposable
    {
        private readonly object _cursorGate = new();
        private byte* _memory;
        private readonly int _capacity;
        private int _head;
        private long _written;

        public NativeRing(int capacity)
        {
            if (capacity <= 0 || (capacity & (capacity - 1)) != 0)
            {
                throw new ArgumentException("capacity must be a power of two", nameof(capacity));
            }

            _capacity = capacity;
            _memory = (byte*)NativeMemory.AllocZeroed((nuint)capacity);
        }

        public long Written => Interlocked.Read(ref _written);

        /// <summary>Reserves room under the lock, then copies without it.</summary>
        public void Write(ReadOnlySpan<byte> source)
        {
            if (source.Length > _capacity)
            {
                throw new ArgumentOutOfRangeException(nameof(source));
            }

            int start;
            lock (_cursorGate)
            {
                ObjectDisposedException.ThrowIf(_memory == null, this);
                start = _head;
                _head = (_head + source.Length) & (_capacity - 1);
            }

            fixed (byte* from = source)
            {
                var first = Math.Min(source.Length, _capacity - start);
                Buffer.MemoryCopy(from, _memory + start, first, first);
                if (first < source.Length)
                {
                    Buffer.MemoryCopy(from + first, _memory, source.Length - first, source.Length - first);
                }
            }

            Interlocked.Add(ref _written, source.Length);
        }

        public void WriteHeader(in PacketHeader header)
        {
            PacketHeader copy = header;
            Write(new ReadOnlySpan<byte>(&copy, sizeof(PacketHeader)));
        }

        public void CopyTo(int offset, Span<byte> destination)
        {
            fixed (byte* to = destination)
            {
                for (var i = 0; i < destination.Length; i++)
                {
                    to[i] = _memory[(offset + i) & (_capacity - 1)];
                }
            }
        }

        public void Dispose()
        {
            lock (_cursorGate)
            {
                if (_memory != null)
                {
                    NativeMemory.Free(_memory);
                    _memory = null;
                }
            }
        }
    }

    public static unsafe class FastCopy
    {
        /// <summary>Copies 8 bytes at a time, then the tail; the classic pre-SIMD memcpy.</summary>
        public static void Copy(byte* source, byte* destination, int length)
        {
            var words = length / sizeof(ulong);
            var from = (ulong*)source;
            var to = (ulong*)destination;
            for (var i = 0; i < words; i++)
            {
                *to++ = *from++;
            }

            for (var i = words * sizeof(ulong); i < length; i++)
            {
                destination[i] = source[i];
            }
        }

        public static int Checksum(ReadOnlySpan<byte> data)
        {
            fixed (byte* start = data)
            {
                var sum = 0;
                for (byte* p = start, end = start + data.Length; p < end; p++)
                {
                    sum = unchecked(sum * 31 + *p);
                }

                return sum;
            }
        }

        public static T ReadStruct<T>(byte[] buffer, int offset) where T : unmanaged
        {
            if (offset < 0 || offset + sizeof(T) > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            fixed (byte* p = &buffer[offset])
            {
                return Unsafe.ReadUnaligned<T>(p);
            }
        }

        public static void Fill(Span<byte> destination, byte value)
        {
            byte* scratch = stackalloc byte[64];
            new Span<byte>(scratch, 64).Fill(value);
            for (var offset = 0; offset < destination.Length; offset += 64)
            {
                var count = Math.Min(64, destination.Length - offset);
                new ReadOnlySpan<byte>(scratch, count).CopyTo(destination[offset..]);
            }
        }

        public static delegate*<byte*, byte*, int, void> Copier => &Copy;
    }
}
