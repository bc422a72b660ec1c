/// Raw-mode handles: a value moved into its own heap allocation, the handle
/// being that allocation's address, exactly like Rust's `Box::into_raw`.
///
/// This is the only place raw pointers to payloads are made or followed.
/// Nothing here checks anything: in raw mode, misuse is undefined behaviour
/// on purpose, so AddressSanitizer and valgrind can show what they catch.
enum UnsafeRawHandles {
    /// Moves `value` into a fresh allocation and returns its address.
    ///
    /// The caller must later pass the handle to exactly one of `take` or
    /// `free`, with the same `T`.
    static func box<T>(_ value: T) -> Handle {
        let pointer = UnsafeMutablePointer<T>.allocate(capacity: 1)
        pointer.initialize(to: value)
        return Handle(rawValue: UInt64(UInt(bitPattern: pointer)))
    }

    /// Copies the value out, leaving the allocation alive.
    ///
    /// The caller must guarantee `handle` came from `box` with the same `T`
    /// and has not been passed to `take` or `free`.
    static func read<T>(_ handle: Handle, as _: T.Type) -> T {
        pointer(handle, T.self).pointee
    }

    /// Moves the value out and frees the allocation.
    ///
    /// The caller must guarantee what `read` requires; afterwards the handle
    /// is dangling and must not be used again.
    static func take<T>(_ handle: Handle, as _: T.Type) -> T {
        let pointer = pointer(handle, T.self)
        let value = pointer.move()
        pointer.deallocate()
        return value
    }

    /// Destroys the value and frees the allocation.
    ///
    /// The caller must guarantee what `read` requires; afterwards the handle
    /// is dangling and must not be used again.
    static func free<T>(_ handle: Handle, as _: T.Type) {
        let pointer = pointer(handle, T.self)
        pointer.deinitialize(count: 1)
        #if PLONK_DELIBERATE_LEAK
        // The test switch (see Package.swift): the box is never returned to
        // the allocator, while the caller still records it as freed, so only
        // an outside detector (LeakSanitizer, valgrind) can see this leak.
        #else
        pointer.deallocate()
        #endif
    }

    /// The handle as a typed pointer. The caller must guarantee it came from
    /// `box` with the same `T`; a zero handle traps here rather than later.
    private static func pointer<T>(_ handle: Handle, _: T.Type) -> UnsafeMutablePointer<T> {
        UnsafeMutablePointer<T>(bitPattern: UInt(handle.rawValue))!
    }
}
