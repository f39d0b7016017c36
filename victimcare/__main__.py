import sys

from victimcare.app import main

sys.exit(main())
