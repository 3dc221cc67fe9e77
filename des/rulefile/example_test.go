package rulefile_test

import (
	"fmt"

	"github.com/pcnfin/pcnfin/des/rulefile"
)

func ExampleRead_error() {
	_, err := rulefile.Read("my-2024-25.toml", []byte("year = \"2024/25\"\n[[payment]]\nid = \"core_pcn_funding\"\nname = \"Core\"\n  [[payment.part]]\n  basis = \"registered\"\n    [[payment.part.value]]\n    rate = 2.218\n"))
	fmt.Println(err)
	// Output:
	// my-2024-25.toml:8: payment.part.value.rate: bad number: 2.218 is a TOML float; write money and rates as strings ("2.218") so no digit is lost
}
