# I2C target framing shared by the chip simulators.
#
# A transfer sets the register pointer (index), then reads or writes bytes; the pointer
# advances after every byte as the chip's addressing mode says, and persists across
# transfers (STOP). Register behaviour lives in read_byte()/write_byte() of each chip.


class I2CTarget:
    index_bits = 8

    def __init__(self, address):
        self.address = address
        self.pointer = 0

    def set_pointer(self, index):
        self.pointer = index

    def read(self, buf):
        self.on_transfer()
        p = self.pointer
        for i in range(len(buf)):
            buf[i] = self.read_byte(p)
            p = self.next_index(p)
        self.pointer = p

    def write(self, buf):
        self.on_transfer()
        p = self.pointer
        for i in range(len(buf)):
            self.write_byte(p, buf[i])
            p = self.next_index(p)
        self.pointer = p

    # --- chip hooks ------------------------------------------------------------------
    def on_transfer(self):
        pass

    def next_index(self, index):
        return index + 1

    def read_byte(self, index):
        raise OSError("no register 0x%X" % index)

    def write_byte(self, index, value):
        raise OSError("no register 0x%X" % index)
