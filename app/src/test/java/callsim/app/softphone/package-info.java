/**
 * A real softphone for end-to-end tests: {@link callsim.app.softphone.LinphoneAgent} drives Debian's
 * {@code linphonec} 5.1 (package {@code linphone-cli}) over real SIP/RTP on 127.0.0.1;
 * {@link callsim.app.softphone.AgentSpeech} makes the agent's lines (espeak-ng or a flite voice, + sox);
 * {@link callsim.app.softphone.VoiceActivity} and {@link callsim.app.softphone.Wav} analyse what it
 * recorded. Everything below was measured on this machine (no sound card) against sipp and a second
 * linphonec.
 *
 * <h2>Process and configuration</h2>
 * <ul>
 * <li>Run {@code linphonec -c <linphonerc>} with its own {@code HOME} holding an existing
 *     {@code .local/share/linphone} directory, stdin piped, stderr merged into stdout. linphonec
 *     rewrites the linphonerc on exit (adds defaults, keeps ours).</li>
 * <li>Set {@code COLUMNS=10000}: linphonec echoes every command it reads (through readline) after a
 *     {@code "linphonec> "} prompt, and wraps the echo at 80 columns otherwise. The echo is the
 *     acknowledgment {@code LinphoneProcess.send} waits for. The prompt has no newline, so it
 *     prefixes the next line (e.g. {@code "linphonec> Call 1 with ... is now paused."}); strip it.</li>
 * <li>Config keys that matter ({@link callsim.app.softphone.LinphoneConfig}): {@code [sip]
 *     bind_address=127.0.0.1} (otherwise SIP binds {@code *:port}), {@code sip_port=N},
 *     {@code sip_tcp_port=0}, {@code sip_tls_port=0}, {@code use_ipv6=0} (else the Contact/From
 *     show an IPv6 address), {@code contact=sip:agent@127.0.0.1}; {@code [rtp] bind_address=127.0.0.1},
 *     {@code audio_rtp_port=A-B} (a range is accepted); {@code [sound] echocancellation=0};
 *     {@code [video] automatically_initiate=0}; {@code [audio_codec_N]} sections with
 *     {@code enabled=0} for opus/speex/G729 etc. The SIP port from the config is honoured (checked
 *     with the {@code ports} command, which prints {@code "sip port = N"}); {@code ports sip N} is
 *     not needed. No proxy section = no registration.</li>
 * <li>Harmless noise at start and per call: {@code "Could not find a suitable soundcard"},
 *     {@code "Warning: video is disabled"}, {@code "belle-sip-error-fast_header_address parser error
 *     for [sip:agent@:-1]"}.</li>
 * </ul>
 *
 * <h2>Commands (one per stdin line) and the lines to wait for</h2>
 * <ul>
 * <li>{@code soundcard use files} → {@code "Using wav files instead of soundcard."}: audio from/to WAV
 *     files. Needed with no sound card; without it linphonec has no microphone.</li>
 * <li>{@code call sip:user@127.0.0.1:PORT} → {@code "Establishing call id to X, assigned id N"},
 *     {@code "Call N to X in progress."}, {@code "Call N to X ringing."}, {@code "Call N with X
 *     connected."}, {@code "Media streams established with X for call N (audio)."} (about 15-30 ms
 *     after the INVITE on loopback). Rejected (e.g. 486): {@code "Call N with X error."}. Nobody
 *     listening: stays "in progress" (UDP retransmits, ~32 s), so time out on your side.
 *     The offer: {@code m=audio P RTP/AVP 0 8 96}, {@code a=rtpmap:96 telephone-event/8000},
 *     {@code a=rtcp-xr:...}, {@code a=rtcp-fb:...}, no direction attribute (sendrecv).</li>
 * <li>{@code play /abs/file.wav}: the microphone. <b>Before a call</b> the file becomes the stream's
 *     source when the call starts and <b>loops</b> (~0.5 s gap). <b>During a call</b> it replaces
 *     what is playing at once and plays <b>once</b>, then silence. The file played last is also what a
 *     restarted stream (after resume) loops, so the agent switches back to a silence WAV after each
 *     line and before {@code pause}. With no play file set, nothing came back from sipp's echo (no
 *     RTP sent, it seems) until the first {@code play}, so the agent always starts with a silent one. Any 16-bit
 *     PCM WAV plays (22.05 kHz espeak output and 16 kHz were resampled fine); 8 kHz mono needs no
 *     resampling. Latency from the command to the audio back in the recording via sipp's echo:
 *     ~100 ms (jitter buffer 60 ms); envelope correlation 0.98.</li>
 * <li>{@code record /abs/file.wav}: what the agent hears, 8 kHz 16-bit mono PCM. Set it before
 *     {@code call}; the file then starts when the call connects. Only received audio is written:
 *     time on hold is left out (the file is shorter than the call), and nothing is written while the
 *     far end sends no RTP. The WAV header claims 44 bytes more data than there is (sox warns
 *     "Premature EOF"; {@link callsim.app.softphone.Wav#read} copes) and is only final once the call
 *     ended. Local DTMF feedback (~100 ms tone) lands in the recording.</li>
 * <li>{@code pause} → {@code "Pausing call N with X."}, then {@code "Call N with X is now paused."}
 *     once the far end answered (~12 ms). Re-INVITE with {@code Subject: Call on hold} and
 *     {@code a=sendonly} (not inactive). In file mode no hold music is sent (a tone configured as
 *     {@code [sound] hold_music} was not heard by the far end); the config points it at silence
 *     anyway because the default file is missing from the Debian package.</li>
 * <li>{@code resume} → {@code "Resuming call N with X."}, then {@code "Media streams established with X
 *     for call N (audio)."} (~15 ms). Re-INVITE with {@code Subject: Call resuming} and no direction
 *     attribute. A far end that holds us prints {@code "Call N has been paused by X."}.</li>
 * <li>A line holding one character of {@code 0-9*#A-D} sends that DTMF digit as an RTP
 *     telephone-event (not SIP INFO); linphonec then stalls ~1 s before reading the next line.
 *     Received digits print {@code "Receiving tone D from X"} (sipp's echo reflects ours back).</li>
 * <li>{@code terminate} → {@code "Call N with X ended (No error)."}; the same line when the far end
 *     sends BYE. {@code calls} prints a state table (e.g. {@code StreamsRunning},
 *     {@code OutgoingProgress}). {@code quit} → {@code "Terminating..."} and exit within ~0.1 s,
 *     also during a call (it hangs up first).</li>
 * </ul>
 *
 * <h2>sipp as the far end</h2>
 * {@code sipp -sf uas-hold-echo.xml -i 127.0.0.1 -p PORT -mp MEDIA -rtp_echo -m 1 -nostdin
 * -timeout 90s -timeout_error} runs in the foreground without a terminal and exits 0 after the one
 * call. Its built-in {@code uas} scenario cannot take re-INVITEs, hence the scenario in
 * {@code src/test/resources/softphone/}. sipp variables persist between messages, so the scenario
 * resets the offer's direction before matching each re-INVITE.
 */
package callsim.app.softphone;
